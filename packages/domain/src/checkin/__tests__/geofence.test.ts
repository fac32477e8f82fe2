import { decideGeofence, distanceMetres, isInside, type Geofence } from '../geofence';

// One degree of arc on the mean Earth sphere: 6 371 008.8 m × π / 180 = 111 195.08 m.
const ONE_DEGREE = 111_195.08;
const metresNorth = (metres: number) => ({ latitude: metres / ONE_DEGREE, longitude: 0 });

describe('distanceMetres (haversine)', () => {
  it('measures a degree of latitude and of longitude on the equator', () => {
    expect(distanceMetres({ latitude: 0, longitude: 0 }, { latitude: 1, longitude: 0 })).toBeCloseTo(ONE_DEGREE, 1);
    expect(distanceMetres({ latitude: 0, longitude: 0 }, { latitude: 0, longitude: 1 })).toBeCloseTo(ONE_DEGREE, 1);
  });

  it('is zero for the same point and symmetric', () => {
    const a = { latitude: 39.9087, longitude: 116.3975 };
    const b = { latitude: 31.2304, longitude: 121.4737 };
    expect(distanceMetres(a, a)).toBe(0);
    expect(distanceMetres(a, b)).toBeCloseTo(distanceMetres(b, a), 6);
  });

  it('takes the great circle, a little shorter than the parallel, at 60° north', () => {
    // Along the parallel: 111 195.08 × cos 60° = 55 597.54 m; the great circle is about half a metre shorter.
    const d = distanceMetres({ latitude: 60, longitude: 0 }, { latitude: 60, longitude: 1 });
    expect(d).toBeLessThan(55_597.54);
    expect(d).toBeGreaterThan(55_596.5);
  });
});

describe('geofence decision', () => {
  const center = { latitude: 0, longitude: 0 };
  const strict: Geofence = { center, radiusMetres: 100, policy: 'strict' };
  const flag: Geofence = { ...strict, policy: 'flag' };

  it('counts the edge as inside and widens the fence by the reported accuracy, at most 100 m', () => {
    expect(isInside(strict, metresNorth(99.9))).toBe(true);
    expect(isInside(strict, metresNorth(150))).toBe(false);
    expect(isInside(strict, { ...metresNorth(150), accuracyMetres: 60 })).toBe(true);
    expect(isInside(strict, { ...metresNorth(190), accuracyMetres: 5000 })).toBe(true);
    expect(isInside(strict, { ...metresNorth(250), accuracyMetres: 5000 })).toBe(false);
    expect(isInside(strict, { ...metresNorth(150), accuracyMetres: -60 })).toBe(false);
  });

  it('accepts without a fence and inside one', () => {
    expect(decideGeofence(undefined, undefined)).toEqual({ kind: 'accept' });
    expect(decideGeofence(strict, metresNorth(50))).toEqual({ kind: 'accept' });
  });

  it('refuses outside a strict fence and flags outside a flag fence', () => {
    expect(decideGeofence(strict, metresNorth(150))).toEqual({
      kind: 'refuse',
      code: 'CHECKIN.OUTSIDE_GEOFENCE',
      distanceMetres: 150,
      message: '不在活动签到范围内',
    });
    expect(decideGeofence(flag, metresNorth(1500))).toEqual({ kind: 'flag', flag: 'OUTSIDE_GEOFENCE', distanceMetres: 1500 });
  });

  it('needs a location for a strict fence; flags its absence otherwise', () => {
    expect(decideGeofence(strict, undefined)).toMatchObject({ kind: 'refuse', code: 'CHECKIN.LOCATION_REQUIRED' });
    expect(decideGeofence(flag, undefined)).toEqual({ kind: 'flag', flag: 'NO_LOCATION' });
  });
});
