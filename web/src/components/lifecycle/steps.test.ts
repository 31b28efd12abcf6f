import { describe, expect, it } from 'vitest';
import { applicationCertificationLifecycle } from '../../../../common/lifecycles/application.ts';
import { projectLifecycle } from '../../../../common/lifecycles/project.ts';
import { lifecycleSteps } from './steps.ts';

const at = '2026-11-30T08:00:00.000Z';

describe('the steps of a lifecycle drawing', () => {
  it('draws each phase of a project as its own step: resuming a suspended project chooses no step', () => {
    const steps = lifecycleSteps(projectLifecycle, {
      lifecycle: 'project',
      state: 'needExpressed',
      reached: [{ state: 'needExpressed', at, by: null, transition: null, input: [] }],
    });
    expect(steps.map((step) => step.states)).toEqual([
      ['needExpressed'],
      ['framing'],
      ['development'],
      ['acceptance'],
      ['delivered'],
    ]);
    expect(steps.map((step) => step.status)).toEqual(['current', 'future', 'future', 'future', 'future']);
  });

  it('a suspended project shows the suspension as its current step, after the phases', () => {
    const steps = lifecycleSteps(projectLifecycle, { lifecycle: 'project', state: 'suspended', reached: [] });
    expect(steps.find((step) => step.status === 'current')?.states).toEqual(['suspended']);
    expect(steps).toHaveLength(6);
  });

  it('the targets one transition of the main line chooses between still share a step (labelled or homologated)', () => {
    const steps = lifecycleSteps(applicationCertificationLifecycle, {
      lifecycle: applicationCertificationLifecycle.name,
      state: 'inProgress',
      reached: [],
    });
    expect(steps.map((step) => step.states)).toContainEqual(['labelled', 'homologated']);
  });
});
