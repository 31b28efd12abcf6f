import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WishVoteValue } from '../../../common/clubs/vocabulary.ts';
import type {
  ClubDto,
  ClubMeetingInput,
  ClubPostInput,
  ClubWishDto,
  ClubWishInput,
} from '../../../common/schemas/clubs.ts';
import { api } from './client.ts';
import { useFireTransition } from './queries.ts';

/** An application's user club: members, news, meetings, wishes and votes. */

const key = (applicationId: string) => ['clubs', applicationId];

export function useClub(applicationId: string) {
  return useQuery({
    queryKey: key(applicationId),
    queryFn: () => api<ClubDto>('GET', `/api/applications/${applicationId}/club`),
  });
}

export type ClubWrite =
  | { kind: 'join' }
  | { kind: 'leave'; organisationId: string }
  | { kind: 'post'; body: ClubPostInput }
  | { kind: 'meeting'; body: ClubMeetingInput }
  | { kind: 'minutes'; meetingId: string; minutes: string; version: number }
  | { kind: 'wish'; body: ClubWishInput }
  | { kind: 'vote'; wishId: string; value: WishVoteValue | null };

/** Every write of the club page: the club is read again afterwards. */
export function useClubWrite(applicationId: string) {
  const client = useQueryClient();
  const base = `/api/applications/${applicationId}/club`;
  return useMutation({
    mutationFn: (write: ClubWrite): Promise<unknown> => {
      switch (write.kind) {
        case 'join':
          return api<ClubDto>('PUT', `${base}/membership`);
        case 'leave':
          return api<ClubDto>('DELETE', `${base}/members/${write.organisationId}`);
        case 'post':
          return api('POST', `${base}/posts`, write.body);
        case 'meeting':
          return api('POST', `${base}/meetings`, write.body);
        case 'minutes':
          return api('PATCH', `/api/club-meetings/${write.meetingId}`, {
            minutes: write.minutes,
            version: write.version,
          });
        case 'wish':
          return api<ClubWishDto>('POST', `${base}/wishes`, write.body);
        case 'vote':
          return write.value
            ? api<ClubWishDto>('PUT', `/api/club-wishes/${write.wishId}/vote`, { value: write.value })
            : api<ClubWishDto>('DELETE', `/api/club-wishes/${write.wishId}/vote`);
      }
    },
    onSettled: () => client.invalidateQueries({ queryKey: key(applicationId) }),
  });
}

export const useFireWishTransition = (applicationId: string) =>
  useFireTransition<ClubWishDto>('/api/club-wishes', key(applicationId));
