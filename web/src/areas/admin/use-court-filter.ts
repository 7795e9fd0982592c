import { useSearchParams } from 'react-router';
import { useCurrentUser } from '../../app/current-user.tsx';

/** The court an admin list shows, kept in the URL (`?courtId=`); the admin's own court by default. */
export function useCourtFilter(): [string, (courtId: string | undefined) => void] {
  const user = useCurrentUser();
  const [searchParams, setSearchParams] = useSearchParams();
  const courtId = searchParams.get('courtId') || user.court.id;
  const setCourtId = (next: string | undefined) =>
    setSearchParams((current) => {
      const params = new URLSearchParams(current);
      if (next && next !== user.court.id) params.set('courtId', next);
      else params.delete('courtId');
      return params;
    });
  return [courtId, setCourtId];
}
