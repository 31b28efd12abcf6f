import { List, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A section of a legal page: its heading (level 2) and its paragraphs. */
export function LegalSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Stack component="section" gap="xs" aria-labelledby={id}>
      <Title order={2} id={id} size="h3">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** A postal address as typed (one line per line). */
export function Address({ value }: { value: string }) {
  return (
    <Text component="address" style={{ fontStyle: 'normal', whiteSpace: 'pre-line' }}>
      {value}
    </Text>
  );
}

/** A list of sentences (the i18n arrays of the legal pages). */
export function Bullets({ items }: { items: string[] }) {
  return (
    <List spacing={4}>
      {items.map((item) => (
        <List.Item key={item}>{item}</List.Item>
      ))}
    </List>
  );
}
