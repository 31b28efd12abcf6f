import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { CRITICALITY_LABELS, TRACK_LABELS } from '../../../../common/catalog/vocabulary.ts';
import {
  REQUIREMENT_LEVEL_LABELS,
  REVIEWER_LABELS,
  VERIFICATION_LABELS,
} from '../../../../common/evaluation/vocabulary.ts';
import type { GridContent, Requirement, Section } from '../../../../common/schemas/evaluation-grid.ts';
import { useLabel } from '../../i18n/index.ts';
import { KEYBOARD_SCROLL } from './keyboard-scroll.ts';

/** The referential page a requirement names, when it exists (a page named but absent is not linked). */
function ReferentialLink({ slug, pages }: { slug: string | undefined; pages: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const title = slug ? pages.get(slug) : undefined;
  if (!slug || !title) return null;
  return (
    <Text size="sm" mt={4}>
      {t('grids.referential')}{' '}
      <Anchor component={Link} to={`/referentiel/${slug}`}>
        {title}
      </Anchor>
    </Text>
  );
}

/** The requirements of one section as a table; a draft's editors get a button per row and one to add. */
function SectionTable({
  section,
  pages,
  onEdit,
  onRemove,
  onAdd,
}: {
  section: Section;
  pages: ReadonlyMap<string, string>;
  onEdit?: ((requirement: Requirement) => void) | undefined;
  onRemove?: ((requirement: Requirement) => void) | undefined;
  onAdd?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const title = t('grids.section', { code: section.code, title: section.title });
  return (
    <Paper withBorder p="md" component="section" aria-label={title}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Title order={2} size="h4">
            {title}
          </Title>
          {onAdd ? (
            <Button size="xs" variant="light" onClick={onAdd}>
              {t('grids.add')}
              <span className="sr-only"> ({section.code})</span>
            </Button>
          ) : null}
        </Group>
        <Text size="sm">{t('grids.reviewer', { name: label(REVIEWER_LABELS[section.reviewer]) })}</Text>
        <Table.ScrollContainer minWidth={640} scrollAreaProps={KEYBOARD_SCROLL}>
          <Table verticalSpacing="xs">
            <Table.Caption>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('grids.columns.code')}</Table.Th>
                <Table.Th scope="col">{t('grids.columns.requirement')}</Table.Th>
                <Table.Th scope="col">{t('grids.columns.level')}</Table.Th>
                <Table.Th scope="col">{t('grids.columns.evidence')}</Table.Th>
                {onEdit ? <Table.Th scope="col">{t('grids.columns.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {section.requirements.map((requirement) => (
                <Table.Tr key={requirement.code}>
                  <Table.Th scope="row">{requirement.code}</Table.Th>
                  <Table.Td>
                    <Text size="sm">{requirement.text}</Text>
                    <ReferentialLink slug={requirement.referentialPage} pages={pages} />
                    <Group gap={4} mt={4}>
                      {requirement.tracks.map((track) => (
                        <Badge key={track} variant="outline" size="sm">
                          {label(TRACK_LABELS[track])}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td>{label(REQUIREMENT_LEVEL_LABELS[requirement.level])}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{requirement.evidence}</Text>
                    <Text size="sm" c="dimmed">
                      {label(VERIFICATION_LABELS[requirement.verification])}
                    </Text>
                  </Table.Td>
                  {onEdit && onRemove ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" onClick={() => onEdit(requirement)}>
                          {t('grids.edit')}
                          <span className="sr-only"> {requirement.code}</span>
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red.9"
                          onClick={() => onRemove(requirement)}
                        >
                          {t('grids.remove')}
                          <span className="sr-only"> {requirement.code}</span>
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

/** A version's content: sections of requirements, then the criticality profile and the rules. */
export function GridContentView({
  content,
  referentialPages = [],
  onEdit,
  onRemove,
  onAdd,
}: {
  content: GridContent;
  /** The referential pages the requirements name, with their titles. */
  referentialPages?: { slug: string; title: string }[];
  onEdit?: (section: Section, requirement: Requirement) => void;
  onRemove?: (section: Section, requirement: Requirement) => void;
  onAdd?: (section: Section) => void;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const pages = new Map(referentialPages.map((p) => [p.slug, p.title]));
  return (
    <Stack gap="lg">
      {content.sections.map((section) => (
        <SectionTable
          key={section.code}
          section={section}
          pages={pages}
          onEdit={onEdit && ((r) => onEdit(section, r))}
          onRemove={onRemove && ((r) => onRemove(section, r))}
          onAdd={onAdd && (() => onAdd(section))}
        />
      ))}
      <Paper withBorder p="md" component="section" aria-label={t('grids.profile')}>
        <Title order={2} size="h4" mb="xs">
          {t('grids.profile')}
        </Title>
        <List spacing="xs">
          {content.profile.map((question) => (
            <List.Item key={question.code}>
              <Text size="sm" fw={600}>
                {question.question}
              </Text>
              <Text size="sm">
                {question.options
                  .map(
                    (o) =>
                      `${o.label} (${t('grids.points', { count: o.points })}${o.atLeast ? `, ${t('grids.atLeast', { class: label(CRITICALITY_LABELS[o.atLeast]) })}` : ''})`,
                  )
                  .join(' · ')}
              </Text>
            </List.Item>
          ))}
        </List>
        <Title order={2} size="h4" mt="md" mb="xs">
          {t('grids.rules')}
        </Title>
        <List spacing="xs" size="sm">
          {content.rules.maturity.map((rule) => (
            <List.Item key={`m${rule.level}`}>
              {t('grids.maturityRule', {
                level: rule.level,
                mandatory: rule.mandatoryMet,
                recommended: rule.recommendedMet,
              })}
            </List.Item>
          ))}
          {content.rules.criticality.map((rule) => (
            <List.Item key={`c${rule.class}`}>
              {t('grids.criticalityRule', {
                class: label(CRITICALITY_LABELS[rule.class]),
                points: rule.minPoints,
              })}
            </List.Item>
          ))}
        </List>
      </Paper>
    </Stack>
  );
}
