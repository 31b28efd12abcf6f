import { List } from '@mantine/core';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/page.tsx';

/** An API problem with each of its field errors (an import's lines and columns). */
export function ProblemList({ error }: { error: unknown }) {
  if (!error) return null;
  const errors = error instanceof ApiError ? (error.problem.errors ?? []) : [];
  return (
    <>
      <ErrorAlert error={error} />
      {errors.length > 1 ? (
        <List size="sm" mb="md">
          {errors.map((e) => (
            <List.Item key={`${e.field}${e.message}`}>{e.message}</List.Item>
          ))}
        </List>
      ) : null}
    </>
  );
}
