/** The API client pages use: area wrappers, plus the setup app.ts runs once. */
export { call, setTransport, setUploader } from './client';
export {
  cloudTransport,
  devTransport,
  type Transport,
  type Upload,
  type UploadedFile,
  type UploadInput,
} from './transport';
export { fetchPublishedReport, fetchPublishedReports } from './reports';
export type { ActionOf, Contract, DataOf, PayloadOf } from './contract';
export {
  CATALOG_PAGE_SIZE,
  fetchItem,
  fetchItems,
  fetchOrganProfile,
  type CatalogFilter,
  type OrganPublicProfile,
} from './catalog';
export { fetchMyRequests, grantNotice, newRequestId, submitRequest, trackRequest } from './requests';
