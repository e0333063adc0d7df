/** The API client pages use: area wrappers, plus the setup app.ts runs once. */
export { call, setTransport } from './client';
export { cloudTransport, devTransport, type Transport } from './transport';
export { fetchPublishedReport, fetchPublishedReports } from './reports';
export type { ActionOf, Contract, DataOf, PayloadOf } from './contract';
