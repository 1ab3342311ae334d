import type { EnvironmentProviders, Provider } from '@angular/core';
import {
  type TranslateService,
  provideTranslateLoader,
  provideTranslateService,
} from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';

import { BundledTranslationsLoader } from '../app/core/bundled-translations.loader';

/** The app's real texts (zh-CN unless told), so a test reads what a user reads. */
export function provideTestTranslations(): (Provider | EnvironmentProviders)[] {
  return [
    provideTranslateService({
      loader: provideTranslateLoader(BundledTranslationsLoader),
      fallbackLang: 'zh-CN',
      lang: 'zh-CN',
    }),
  ];
}

export async function useLanguage(
  translate: TranslateService,
  lang: 'zh-CN' | 'en',
): Promise<void> {
  await firstValueFrom(translate.use(lang));
}
