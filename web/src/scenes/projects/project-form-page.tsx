import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useCreateProject } from '../../api/projects.ts';
import { useMe } from '../../api/queries.ts';
import { FormFrame } from '../../components/form-frame.tsx';
import { PageHeader } from '../../components/page.tsx';
import { NeedFieldset, ProjectFieldsets } from './project-fields.tsx';
import { initialProjectState, type ProjectFormState, projectBodyOf } from './project-form-state.ts';
import { SimilarItems } from './similar-items.tsx';
import { useSimilar } from './use-similar.ts';

function ProjectForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const create = useCreateProject();
  const [state, setState] = useState(() =>
    initialProjectState(undefined, me?.roles.includes('developer') ? [me.organisation.id] : []),
  );
  const set = <K extends keyof ProjectFormState>(key: K, value: ProjectFormState[K]) =>
    setState((s) => ({ ...s, [key]: value }));
  const [confirmed, setConfirmed] = useState(false);
  const [unconfirmed, setUnconfirmed] = useState(false);
  const [typed] = useDebouncedValue({ title: state.title, need: state.need }, 400);
  const similar = useSimilar(typed.title, typed.need);
  const problem = create.error instanceof ApiError ? create.error : null;
  const error = (field: string) => problem?.fieldError(field);
  const fields = { state, set, error };

  const submit = () => {
    if (similar.items.length > 0 && !confirmed) {
      setUnconfirmed(true);
      document.getElementById('similar-confirm')?.querySelector('input')?.focus();
      return;
    }
    const body = {
      ...projectBodyOf(state),
      // What the declarant was shown and confirmed this is not a duplicate of: recorded on the project.
      ...(similar.items.length > 0
        ? {
            notDuplicateOf: similar.items.map((item) => ({
              kind: item.kind,
              id: item.id,
              title: item.title.slice(0, 200),
              score: item.score,
            })),
          }
        : {}),
    };
    create.mutate(body, { onSuccess: (saved) => navigate({ to: `/projets/${saved.id}` }) });
  };

  return (
    <FormFrame
      onSubmit={submit}
      error={create.error}
      errorsTitle={t('projectForm.errorsTitle')}
      conflictTitle={t('projectForm.conflictTitle')}
      submitLabel={t('projectForm.submit')}
      pending={create.isPending}
      cancelTo="/projets"
    >
      <NeedFieldset
        {...fields}
        similar={
          <div id="similar-confirm">
            <SimilarItems
              items={similar.items}
              confirmed={confirmed}
              onConfirm={(value) => {
                setConfirmed(value);
                if (value) setUnconfirmed(false);
              }}
              error={unconfirmed ? t('projectForm.confirmFirst') : undefined}
            />
          </div>
        }
      />
      <ProjectFieldsets
        {...fields}
        holder={t('projectForm.holderIs', { name: me?.organisation.name ?? '' })}
      />
    </FormFrame>
  );
}

export function ProjectCreatePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <>
      <PageHeader title={t('projectForm.createTitle')} intro={t('projectForm.createIntro')} />
      {me ? <ProjectForm /> : null}
    </>
  );
}
