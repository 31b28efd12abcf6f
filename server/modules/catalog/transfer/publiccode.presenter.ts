import type { ApplicationAggregate } from '../applications/applications.queries.ts';
import { stringifyPubliccode } from './publiccode.ts';
import { CATEGORIES_BY_DOMAIN, STATUS_BY_STAGE } from './publiccode.vocabulary.ts';

function shortDescription(summary: string) {
  if (summary.length <= 150) return summary;
  const cut = summary.slice(0, 149);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 100))}…`;
}

/** Any application as a valid publiccode.yml (0.4): mandatory keys always filled from what it knows. */
export function presentPubliccode(
  application: ApplicationAggregate,
  usingOffices: string[],
  portalUrl: string,
) {
  const pageUrl = `${portalUrl.replace(/\/$/, '')}/catalogue/${application.id}`;
  const latest = application.versions[0];
  const features = application.description
    .split('\n')
    .filter((line) => /^\s*[-*]\s+/.test(line))
    .map((line) =>
      line
        .replace(/^\s*[-*]\s+/, '')
        .replace(/[*_`]/g, '')
        .trim()
        .slice(0, 100),
    )
    .filter(Boolean);
  let longDescription = application.description.trim() || application.summary;
  if (longDescription.length < 150)
    longDescription = `${longDescription}\n\n${application.summary}\nApplication du domaine ${application.domain.label}, conçue par ${application.designer.name}. Fiche du catalogue Mutualis : ${pageUrl}`;
  const t = application.technologies ?? {};
  const open = [
    t.php ? { name: 'PHP', versionMin: t.php } : null,
    t.symfony ? { name: 'Symfony', versionMin: t.symfony } : null,
    t.starterKit ? { name: 'Starter Kit PHP', versionMin: t.starterKit } : null,
    t.psram ? { name: 'PSRAM', version: t.psram } : null,
    t.database ? { name: t.database } : null,
    ...(t.others ?? []).map((name) => ({ name })),
  ].filter((d) => d !== null);
  const maintainerName = application.maintainer?.name ?? application.designer.name;
  const document = {
    publiccodeYmlVersion: '0.4',
    name: application.name,
    url: application.forgeUrl ?? pageUrl,
    landingURL: pageUrl,
    ...(latest ? { softwareVersion: latest.number } : {}),
    ...(latest?.releasedOn ? { releaseDate: latest.releasedOn } : {}),
    platforms: ['web'],
    categories: [CATEGORIES_BY_DOMAIN[application.domainCode]?.[0] ?? 'it-management'],
    ...(usingOffices.length > 0 ? { usedBy: usingOffices } : {}),
    developmentStatus: STATUS_BY_STAGE[application.lifecycleStage as keyof typeof STATUS_BY_STAGE],
    softwareType: 'standalone/web',
    description: {
      fr: {
        shortDescription: shortDescription(application.summary),
        longDescription: longDescription.slice(0, 10000),
        ...(application.documentationUrl ? { documentation: application.documentationUrl } : {}),
        features: features.length > 0 ? features : [shortDescription(application.summary).slice(0, 100)],
      },
      ...Object.fromEntries(
        Object.entries(application.otherLanguages ?? {})
          .filter(([, v]) => v.shortDescription && v.longDescription)
          .map(([lang, v]) => [
            lang,
            {
              ...(v.name ? { localisedName: v.name } : {}),
              shortDescription: v.shortDescription,
              longDescription: v.longDescription,
              features: [v.shortDescription?.slice(0, 100)],
            },
          ]),
      ),
    },
    // `organisation` rather than `legal.repoOwner`, which the standard deprecated since 0.4.
    organisation: {
      name: application.designer.name,
      uri: `${portalUrl.replace(/\/$/, '')}/organismes/${application.designer.id}`,
    },
    legal: {
      license: application.licence ?? 'LicenseRef-Assurance-Maladie-usage-interne',
      mainCopyrightOwner: application.designer.name,
    },
    maintenance:
      application.lifecycleStage === 'retired'
        ? { type: 'none' }
        : {
            type: 'internal',
            contacts: [
              {
                name: maintainerName,
                ...(application.maintainer?.email ? { email: application.maintainer.email } : {}),
                ...(application.maintainer?.phone ? { phone: application.maintainer.phone } : {}),
                affiliation: application.designer.name,
              },
              ...(application.support?.name
                ? [
                    {
                      name: application.support.name,
                      ...(application.support.email ? { email: application.support.email } : {}),
                      affiliation: application.designer.name,
                    },
                  ]
                : []),
            ],
          },
    localisation: { localisationReady: false, availableLanguages: ['fr'] },
    ...(open.length > 0 || application.connectors.length > 0
      ? {
          dependsOn: {
            ...(open.length > 0 ? { open } : {}),
            ...(application.connectors.length > 0
              ? { proprietary: application.connectors.map((name) => ({ name })) }
              : {}),
          },
        }
      : {}),
  };
  return { code: application.code, yaml: stringifyPubliccode(document) };
}
