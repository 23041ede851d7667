/** JSON API controllers live under this path: `@Controller(`${API_PREFIX}/cases`)`. Pages do not. */
export const API_PREFIX = 'api/v1';
