import { httpApi } from '../http/http-api';

/** The API's `$default` route: it serves no route, so every request answers the one 404 shape. */
export const handler = httpApi();
