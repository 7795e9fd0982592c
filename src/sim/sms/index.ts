/** The simulated SMS gateway (`smsgw`, docs/protocols/sms.md). */
export * from './contracts.ts';
export { createSmsGateway, DEFAULT_SMS_KNOBS, type SmsGateway, type SmsOptions } from './gateway.ts';
export { registerSmsRoutes } from './routes.ts';
