import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_EDIT_WINDOW_MS } from '../../../../common/projects.ts';
import type { CommentDto } from '../../../../common/schemas/project-collaboration.ts';
import { ApiError } from '../../api/client.ts';
import { useCommentMutation, useComments } from '../../api/projects.ts';
import { formatDateTime } from '../../components/dates.ts';
import { MarkdownHtml } from '../../components/markdown.tsx';
import { MentionTextarea } from '../../components/mention-textarea.tsx';
import { ErrorAlert, type Notice } from '../../components/page.tsx';
import { useLanguage } from '../../i18n/index.ts';
import { ProjectSection } from './project-section.tsx';

function Comment({
  projectId,
  comment,
  onNotice,
}: {
  projectId: string;
  comment: CommentDto;
  onNotice: (n: Notice) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const mutation = useCommentMutation();
  const [editing, setEditing] = useState(false);
  const [body, setBody] = useState(comment.body);
  const problem = mutation.error instanceof ApiError ? mutation.error : null;
  const author = `${comment.author.displayName} (${comment.author.organisation})`;
  const editableUntil = formatDateTime(
    new Date(Date.parse(comment.createdAt) + COMMENT_EDIT_WINDOW_MS).toISOString(),
    language,
  );
  const save = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate(
      { projectId, commentId: comment.id, body },
      {
        onSuccess: () => {
          setEditing(false);
          onNotice({ text: t('comments.edited') });
        },
      },
    );
  };
  return (
    <Stack gap={4}>
      <Text size="sm">
        <strong>{author}</strong> — {formatDateTime(comment.createdAt, language)}
        {comment.editedAt
          ? ` ${t('comments.editedOn', { date: formatDateTime(comment.editedAt, language) })}`
          : ''}
      </Text>
      {comment.deleted ? (
        <Text size="sm" c="dimmed" fs="italic">
          {t('comments.deleted')}
        </Text>
      ) : editing ? (
        <form onSubmit={save} noValidate>
          <Stack gap="xs">
            <Textarea
              label={t('comments.editLabel')}
              description={t('comments.editableUntil', { date: editableUntil })}
              value={body}
              onChange={(e) => setBody(e.currentTarget.value)}
              error={problem?.fieldError('body')}
              autosize
              minRows={3}
              data-autofocus
            />
            {problem && !problem.problem.errors ? (
              <Alert color="red" role="alert">
                {problem.problem.detail}
              </Alert>
            ) : null}
            <Group gap="xs">
              <Button type="submit" size="xs" loading={mutation.isPending}>
                {t('common.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setEditing(false)}>
                {t('common.cancel')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <MarkdownHtml html={comment.bodyHtml} />
      )}
      {!comment.deleted && !editing && (comment.can.edit || comment.can.delete) ? (
        <Group gap="xs">
          {comment.can.edit ? (
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => {
                setBody(comment.body);
                setEditing(true);
              }}
            >
              {t('common.edit')}
              <span className="sr-only"> {t('comments.of', { author })}</span>
            </Button>
          ) : null}
          {comment.can.delete ? (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red.9"
              loading={mutation.isPending}
              onClick={() => {
                if (window.confirm(t('comments.confirmDelete')))
                  mutation.mutate(
                    { projectId, commentId: comment.id },
                    { onSuccess: () => onNotice({ text: t('comments.deletedDone') }) },
                  );
              }}
            >
              {t('comments.delete')}
              <span className="sr-only"> {t('comments.of', { author })}</span>
            </Button>
          ) : null}
        </Group>
      ) : null}
      {!editing && problem ? <ErrorAlert error={problem} /> : null}
    </Stack>
  );
}

/** The project's thread: Markdown comments, edited by their author within 15 minutes, deleted by the author or an admin. */
export function ProjectComments({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const thread = useComments(projectId);
  const add = useCommentMutation();
  const [body, setBody] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const problem = add.error instanceof ApiError ? add.error : null;
  const items = thread.data?.items ?? [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate(
      { projectId, body },
      {
        onSuccess: () => {
          setBody('');
          setNotice({ text: t('comments.added') });
        },
      },
    );
  };
  return (
    <ProjectSection
      title={t('comments.title', { count: items.filter((c) => !c.deleted).length })}
      notice={notice}
      onNotice={setNotice}
    >
      <ErrorAlert error={thread.error} />
      {items.length === 0 && thread.data ? (
        <Text size="sm" c="dimmed">
          {t('comments.none')}
        </Text>
      ) : (
        <Stack component="ol" className="plain-list" gap="lg">
          {items.map((comment) => (
            <li key={comment.id}>
              <Comment projectId={projectId} comment={comment} onNotice={setNotice} />
            </li>
          ))}
        </Stack>
      )}
      <form onSubmit={submit} noValidate>
        <Stack gap="xs">
          <MentionTextarea
            label={t('comments.add')}
            description={`${t('comments.addHelp')} ${t('mentions.help')}`}
            value={body}
            onValueChange={setBody}
            error={
              problem?.fieldError('body') ??
              (problem && !problem.problem.errors ? problem.problem.detail : undefined)
            }
            autosize
            minRows={3}
          />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {t('comments.publish')}
            </Button>
          </Group>
        </Stack>
      </form>
    </ProjectSection>
  );
}
