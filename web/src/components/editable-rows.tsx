import { ActionIcon, Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** A row of a list edited in a form; its key does not move with edits (React needs one). */
export interface KeyedRow {
  key: number;
}
let lastKey = 0;
export const nextRowKey = () => ++lastKey;

/** A list edited as rows of fields (a sheet's versions, a project's contacts): change, remove, add. */
export function EditableRows<R extends KeyedRow>({
  legend,
  rows,
  onChange,
  listError,
  renderRow,
  removeLabel,
  addLabel,
  newRow,
}: {
  legend: string;
  rows: R[];
  onChange: (rows: R[]) => void;
  /** The error of the list as a whole (too many rows…). */
  listError: string | undefined;
  renderRow: (row: R, index: number, change: (patch: Partial<R>) => void) => ReactNode;
  removeLabel: (row: R, index: number) => string;
  addLabel: string;
  newRow: () => Omit<R, 'key'>;
}) {
  const change = (key: number, patch: Partial<R>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <Fieldset legend={legend}>
      <Stack>
        {listError ? (
          <Text c="red.9" size="sm" role="alert">
            {listError}
          </Text>
        ) : null}
        {rows.map((row, index) => (
          <Group key={row.key} align="flex-end" wrap="wrap">
            {renderRow(row, index, (patch) => change(row.key, patch))}
            <ActionIcon
              variant="subtle"
              color="red.9"
              size="lg"
              aria-label={removeLabel(row, index)}
              onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button
          variant="default"
          w="fit-content"
          onClick={() => onChange([...rows, { ...newRow(), key: nextRowKey() } as R])}
        >
          {addLabel}
        </Button>
      </Stack>
    </Fieldset>
  );
}
