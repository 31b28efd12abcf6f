import { expect } from 'vitest';
import { IntegrationError } from '../integrations/http.ts';

/** The IntegrationError a client call ends with (the test fails if it succeeds or throws something else). */
export async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(IntegrationError);
  return error as IntegrationError;
}
