import { useQuery } from '@tanstack/react-query';
import type { PackagesPageDto } from '../../../common/schemas/packages.ts';
import { api } from './client.ts';

/** The shared Composer packages and who uses which version, as last read. */
export function usePackages() {
  return useQuery({
    queryKey: ['packages'],
    queryFn: () => api<PackagesPageDto>('GET', '/api/packages'),
    staleTime: 60_000,
  });
}
