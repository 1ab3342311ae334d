import { DOCUMENT } from '@angular/common';
import { Injectable, effect, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
const LANGUAGE_KEY = 'cc.language';

/**
 * The user's language: Chinese first (the default on a first start), kept in
 * localStorage, switched at runtime. The theme follows the phone (prefers-color-scheme).
 */
@Injectable({ providedIn: 'root' })
export class Preferences {
  private readonly document = inject(DOCUMENT);
  private readonly translate = inject(TranslateService);
  private readonly storage = this.document.defaultView?.localStorage ?? null;

  readonly language = signal<Language>(this.stored() ?? 'zh-CN');

  constructor() {
    effect(() => {
      const lang = this.language();
      this.document.documentElement.lang = lang;
      try {
        this.storage?.setItem(LANGUAGE_KEY, lang);
      } catch {
        // Storage disabled: the choice lasts for this page.
      }
    });
  }

  async init(): Promise<void> {
    this.translate.addLangs([...LANGUAGES]);
    this.translate.setFallbackLang('zh-CN');
    await firstValueFrom(this.translate.use(this.language()));
  }

  async setLanguage(lang: Language): Promise<void> {
    await firstValueFrom(this.translate.use(lang));
    this.language.set(lang);
  }

  private stored(): Language | null {
    try {
      const value = this.storage?.getItem(LANGUAGE_KEY);
      return LANGUAGES.find((l) => l === value) ?? null;
    } catch {
      return null;
    }
  }
}
