import { useCallback, useEffect, useRef, useState } from 'react';

/** Where the officer is, as the device's GPS tells it (WGS-84), or why it is not known. */
export type PositionState =
  | { status: 'locating' }
  | { status: 'located'; latitude: number; longitude: number; accuracyM: number }
  /** The officer (or the browser's settings) refused the location permission. */
  | { status: 'denied' }
  /** No fix: no signal, or it took too long. */
  | { status: 'unavailable' }
  | { status: 'unsupported' }
  /** A fix outside China's extent, which the server does not take: left out of the record. */
  | { status: 'outside' };

// The server's bounds (documents/contracts.ts ZFieldRecordInputSchema): courts enforce in China.
const isInsideChina = (lat: number, lon: number) => lat >= 3 && lat <= 54 && lon >= 73 && lon <= 136;
const maxAccuracyM = 100_000;

/**
 * Asks the device for its position (the browser asks the officer's permission the first time).
 * A refusal is remembered by the browser: then the record is saved without a position and says so.
 */
export function usePosition(): { position: PositionState; locate: () => void } {
  const [position, setPosition] = useState<PositionState>({ status: 'locating' });
  const live = useRef(true);

  const locate = useCallback(() => {
    if (!('geolocation' in navigator)) {
      setPosition({ status: 'unsupported' });
      return;
    }
    setPosition({ status: 'locating' });
    navigator.geolocation.getCurrentPosition(
      ({ coords }) => {
        if (!live.current) return;
        if (!isInsideChina(coords.latitude, coords.longitude)) {
          setPosition({ status: 'outside' });
          return;
        }
        setPosition({
          status: 'located',
          latitude: coords.latitude,
          longitude: coords.longitude,
          accuracyM: Math.min(Math.max(coords.accuracy, 0), maxAccuracyM),
        });
      },
      (error) => {
        if (!live.current) return;
        setPosition({ status: error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable' });
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 30_000 },
    );
  }, []);

  useEffect(() => {
    live.current = true;
    locate();
    // Allowed later in the browser's settings: locate again without a reload.
    let status: PermissionStatus | null = null;
    const onChange = () => {
      if (status?.state === 'granted') locate();
    };
    navigator.permissions
      ?.query({ name: 'geolocation' })
      .then((s) => {
        status = s;
        s.addEventListener('change', onChange);
      })
      .catch(() => {});
    return () => {
      live.current = false;
      status?.removeEventListener('change', onChange);
    };
  }, [locate]);

  return { position, locate };
}
