import type { StarterKitDto } from '../../../../common/schemas/forge.ts';
import type { PackagesPageDto } from '../../../../common/schemas/packages.ts';

/** Where a project's starter kit stands: unknown current version, up to date, or behind by some versions. */
export function starterKitState(kit: StarterKitDto): 'unknown' | 'current' | 'behind' {
  if (kit.behind === null) return 'unknown';
  return kit.behind > 0 ? 'behind' : 'current';
}

/** A shared package: used by no application read, used and all up to date, or some behind. */
export function packageUsage(pkg: PackagesPageDto['packages'][number]): 'unused' | 'current' | 'behind' {
  if (pkg.users.length === 0) return 'unused';
  return pkg.behindCount > 0 ? 'behind' : 'current';
}
