/**
 * Cloud environment the mini-program calls. Unset = the environment the mini-program is currently
 * running against (set TARO_APP_CLOUD_ENV in client/.env.production to pin one; never hard-code ids here).
 */
export const CLOUD_ENV_ID: string | undefined = process.env.TARO_APP_CLOUD_ENV || undefined;
