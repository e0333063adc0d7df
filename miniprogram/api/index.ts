/** The API client pages use: the typed `call`, uploads, and the setup app.ts runs once. */
export { call, callChecked, newIdempotencyKey, setTransport, setUploader, upload } from './client';
export {
  cloudTransport,
  devTransport,
  type Transport,
  type Upload,
  type UploadedFile,
  type UploadInput,
} from './transport';
export { askSubscriptions, MAX_TEMPLATES_PER_ASK } from './subscribe';
export { CATALOG_PAGE_SIZE, catalogQuery, type CatalogFilter } from './paging';
