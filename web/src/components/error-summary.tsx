import { Alert, Anchor, List, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';

export interface FieldError {
  field: string;
  message: string;
}

const FOCUSABLE = 'input:not([type="hidden"]), textarea, select, button';

/**
 * Where the form shows an error: Mantine writes each field's message in `<id>-error`, next to the
 * input `<id>`. Looked up in the page once the messages are drawn, so that any form — its own fields,
 * its fieldsets, a dialog — gets links without naming its inputs twice.
 */
function inputIdsOf(errors: FieldError[]) {
  const taken = new Set<string>();
  const holders = [...document.querySelectorAll<HTMLElement>('[id$="-error"]')];
  return errors.map(({ message }) => {
    const holder = holders.find((h) => !taken.has(h.id) && h.textContent?.trim() === message);
    if (!holder) return null;
    taken.add(holder.id);
    return holder.id.slice(0, -'-error'.length);
  });
}

function focusField(id: string) {
  const element = document.getElementById(id);
  const target = element?.matches(FOCUSABLE) ? element : element?.querySelector<HTMLElement>(FOCUSABLE);
  target?.scrollIntoView({ block: 'center' });
  target?.focus({ preventScroll: true });
}

/**
 * A refused submit: the summary takes focus (and scrolls into view), says what to do, and links to each
 * field in error — the message under the field says the same.
 */
export function ErrorSummary({
  title,
  detail,
  errors,
}: {
  title: string;
  detail?: string | undefined;
  errors: FieldError[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [targets, setTargets] = useState<(string | null)[]>([]);
  useEffect(() => {
    setTargets(inputIdsOf(errors));
    ref.current?.scrollIntoView({ block: 'start' });
    ref.current?.focus({ preventScroll: true });
  }, [errors]);
  return (
    <Alert ref={ref} tabIndex={-1} color="red" role="alert" title={title} className="error-summary">
      {detail ? (
        <Text size="sm" mb={errors.length > 0 ? 'xs' : 0}>
          {detail}
        </Text>
      ) : null}
      {errors.length > 0 ? (
        <List size="sm" spacing={2}>
          {errors.map((error, index) => {
            const id = targets[index];
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: the list is drawn anew for each refusal and never reordered
              <List.Item key={`${error.field}-${index}`}>
                {id ? (
                  <Anchor
                    href={`#${id}`}
                    size="sm"
                    c="inherit"
                    underline="always"
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(id);
                    }}
                  >
                    {error.message}
                  </Anchor>
                ) : (
                  error.message
                )}
              </List.Item>
            );
          })}
        </List>
      ) : null}
    </Alert>
  );
}
