import { Injectable } from '@angular/core';
import type { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { type Observable, from } from 'rxjs';

import { sharedLabels } from '@circuitcare/client';

/**
 * The web app's approach: translations compiled into hashed chunks (one per language,
 * loaded on demand, so cached by the service worker with the app), the enum labels from
 * the shared client, the page texts of this app on top.
 */
@Injectable()
export class BundledTranslationsLoader implements TranslateLoader {
  getTranslation(lang: string): Observable<TranslationObject> {
    return from(load(lang));
  }
}

async function load(lang: string): Promise<TranslationObject> {
  const en = lang === 'en';
  const pages = en
    ? (await import('../../i18n/en.json')).default
    : (await import('../../i18n/zh-CN.json')).default;
  return { ...sharedLabels(en ? 'en' : 'zh-CN'), ...pages };
}
