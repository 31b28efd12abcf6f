import { Paper, Text, Textarea, type TextareaProps, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentionSuggestionDto } from '../../../common/schemas/notifications.ts';
import { useMentionSuggestions } from '../api/notifications.ts';

/** `@` and at least one letter right before the caret (not inside an e-mail address or a word). */
const TYPED_MENTION = /(?:^|[^\p{L}\p{N}.@])@([\p{L}][\p{L}.'’-]{0,59})$/u;

/**
 * A text area where `@` followed by letters proposes the people it may name (`@prenom.nom`, the server's
 * mention syntax): ↓ and ↑ move in the list, Enter or Tab take the person, Escape closes it; a click does
 * the same. The list is a `listbox` tied to the text area (`aria-controls`, `aria-activedescendant`) and
 * its size is said to screen readers.
 */
export function MentionTextarea({
  value,
  onValueChange,
  ...props
}: Omit<TextareaProps, 'value' | 'onChange'> & { value: string; onValueChange: (value: string) => void }) {
  const { t } = useTranslation();
  const listId = useId();
  const area = useRef<HTMLTextAreaElement>(null);
  const [typed, setTyped] = useState<{ text: string; start: number } | null>(null);
  const [active, setActive] = useState(0);
  const suggestions = useMentionSuggestions(typed?.text ?? null);
  const items = typed ? (suggestions.data?.items ?? []) : [];
  const open = items.length > 0;

  const follow = (text: string, caret: number) => {
    const match = TYPED_MENTION.exec(text.slice(0, caret));
    setTyped(match ? { text: match[1] as string, start: caret - (match[1] as string).length - 1 } : null);
    setActive(0);
  };
  const choose = (person: MentionSuggestionDto) => {
    if (!typed) return;
    const caret = area.current?.selectionStart ?? value.length;
    const inserted = `@${person.handle} `;
    const next = value.slice(0, typed.start) + inserted + value.slice(caret);
    onValueChange(next);
    setTyped(null);
    const position = typed.start + inserted.length;
    requestAnimationFrame(() => area.current?.setSelectionRange(position, position));
  };
  const onKeyDown = (event: React.KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + items.length) % items.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      event.preventDefault();
      choose(items[active] as MentionSuggestionDto);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setTyped(null);
    }
  };
  const optionId = (i: number) => `${listId}-${i}`;

  return (
    <div style={{ position: 'relative' }}>
      <Textarea
        {...props}
        ref={area}
        value={value}
        onChange={(event) => {
          onValueChange(event.currentTarget.value);
          follow(event.currentTarget.value, event.currentTarget.selectionStart);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTyped(null)}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(active) : undefined}
      />
      {open ? (
        <Paper
          shadow="md"
          withBorder
          p={4}
          id={listId}
          role="listbox"
          aria-label={t('mentions.listLabel')}
          style={{ position: 'absolute', zIndex: 300, left: 0, right: 0, maxWidth: 420 }}
        >
          {items.map((person, i) => (
            <UnstyledButton
              key={person.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              tabIndex={-1}
              // Keeps the focus in the text area, so that typing goes on.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(person)}
              display="block"
              w="100%"
              px="sm"
              py={6}
              style={{
                borderRadius: 4,
                background: i === active ? 'var(--mantine-color-blue-light)' : undefined,
              }}
            >
              <Text size="sm" fw={600} span>
                {person.displayName}
              </Text>{' '}
              <Text size="sm" span c="dark.4">
                @{person.handle} · {person.office}
              </Text>
            </UnstyledButton>
          ))}
        </Paper>
      ) : null}
      <VisuallyHidden role="status">
        {open ? t('mentions.count', { count: items.length }) : ''}
      </VisuallyHidden>
    </div>
  );
}
