/**
 * Geofence for check-in (签到范围). Both points must use the same datum: in weapp, chooseLocation (the
 * secretary picks the place) and getLocation({ type: 'gcj02' }) (the member) both give GCJ-02. Over a few
 * hundred metres GCJ-02's offset is nearly constant, so haversine on GCJ-02 pairs is accurate enough.
 */

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export interface Geofence {
  center: GeoPoint;
  radiusMetres: number;
  /** strict: a check-in from outside (or without a location) is refused; flag: accepted and flagged. */
  policy: 'strict' | 'flag';
}

export interface MemberPosition extends GeoPoint {
  /** The platform's reported accuracy radius in metres, if any. */
  accuracyMetres?: number;
}

/** Mean Earth radius (IUGG) in metres. */
export const EARTH_RADIUS_METRES = 6_371_008.8;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Phones indoors often report 30–80 m of uncertainty; a member in the meeting room shouldn't be turned away by
 * it. The reported accuracy widens the fence, but by no more than this, so a wildly vague fix proves nothing.
 */
export const MAX_ACCURACY_ALLOWANCE_METRES = 100;

export function isInside(fence: Pick<Geofence, 'center' | 'radiusMetres'>, position: MemberPosition): boolean {
  const allowance = Math.min(Math.max(position.accuracyMetres ?? 0, 0), MAX_ACCURACY_ALLOWANCE_METRES);
  return distanceMetres(fence.center, position) <= fence.radiusMetres + allowance;
}

export type GeofenceDecision =
  | { kind: 'accept' }
  | { kind: 'flag'; flag: 'OUTSIDE_GEOFENCE'; distanceMetres: number }
  | { kind: 'flag'; flag: 'NO_LOCATION' }
  | { kind: 'refuse'; code: 'CHECKIN.OUTSIDE_GEOFENCE'; distanceMetres: number; message: string }
  | { kind: 'refuse'; code: 'CHECKIN.LOCATION_REQUIRED'; message: string };

/** What to do with a check-in given the event's fence (if any) and the member's position (if shared). */
export function decideGeofence(fence: Geofence | undefined, position: MemberPosition | undefined): GeofenceDecision {
  if (fence === undefined) return { kind: 'accept' };
  if (position === undefined) {
    return fence.policy === 'strict'
      ? { kind: 'refuse', code: 'CHECKIN.LOCATION_REQUIRED', message: '本次活动需要位置信息才能签到' }
      : { kind: 'flag', flag: 'NO_LOCATION' };
  }
  if (isInside(fence, position)) return { kind: 'accept' };
  const distance = Math.round(distanceMetres(fence.center, position));
  return fence.policy === 'strict'
    ? { kind: 'refuse', code: 'CHECKIN.OUTSIDE_GEOFENCE', distanceMetres: distance, message: '不在活动签到范围内' }
    : { kind: 'flag', flag: 'OUTSIDE_GEOFENCE', distanceMetres: distance };
}
