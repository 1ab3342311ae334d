import { Injectable } from '@angular/core';
import type { TranslateLoader, TranslationObject } from '@ngx-translate/core';
import { type Observable, from } from 'rxjs';

import { sharedLabels } from '@circuitcare/client';

/**
 * Translations compiled into hashed chunks (one per language, loaded on demand) rather
 * than fetched from /i18n/*.json: a new build can never meet a cached old text file, and
 * the texts shared with the mobile app (enum labels) come from the shared client.
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
