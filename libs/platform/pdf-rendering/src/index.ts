export { BrowserLocation, BrowserNotFoundError, locateBrowser } from './lib/browser-locator';
export { BrowserPool, BrowserPoolOptions, PdfRenderOptions } from './lib/browser-pool';
export { PdfRenderingModule } from './lib/pdf-rendering.module';
