import { DOCUMENT } from '@angular/common';
import { Injectable, effect, inject, signal } from '@angular/core';
import { TranslateService } from '@ngx-translate/core';
import { firstValueFrom } from 'rxjs';

export type Language = 'zh-CN' | 'en';
export type ThemeChoice = 'light' | 'dark' | 'system';

export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
const LANGUAGE_KEY = 'cc.language';
const THEME_KEY = 'cc.theme';

/**
 * The user's language and theme: Chinese first (the default for a first visit), kept in
 * localStorage, applied at once (no reload): the translations switch at runtime, the
 * theme is a class on <html> that flips the CSS color-scheme.
 */
@Injectable({ providedIn: 'root' })
export class Preferences {
  private readonly document = inject(DOCUMENT);
  private readonly translate = inject(TranslateService);
  private readonly storage = this.document.defaultView?.localStorage ?? null;
  private readonly systemDark = this.document.defaultView?.matchMedia?.(
    '(prefers-color-scheme: dark)',
  );

  readonly language = signal<Language>(this.stored(LANGUAGE_KEY, LANGUAGES) ?? 'zh-CN');
  readonly theme = signal<ThemeChoice>(
    this.stored(THEME_KEY, ['light', 'dark', 'system'] as const) ?? 'system',
  );
  private readonly prefersDark = signal(this.systemDark?.matches ?? false);
  readonly dark = () =>
    this.theme() === 'dark' || (this.theme() === 'system' && this.prefersDark());

  constructor() {
    this.systemDark?.addEventListener?.('change', (e) => this.prefersDark.set(e.matches));
    effect(() => {
      this.document.documentElement.classList.toggle('cc-dark', this.dark());
    });
    effect(() => {
      const lang = this.language();
      this.document.documentElement.lang = lang;
      this.save(LANGUAGE_KEY, lang);
    });
    effect(() => this.save(THEME_KEY, this.theme()));
  }

  /** Loads the chosen language's texts; the app waits for it before its first render. */
  async init(): Promise<void> {
    this.translate.addLangs([...LANGUAGES]);
    this.translate.setFallbackLang('zh-CN');
    await firstValueFrom(this.translate.use(this.language()));
  }

  async setLanguage(lang: Language): Promise<void> {
    await firstValueFrom(this.translate.use(lang));
    this.language.set(lang);
  }

  setTheme(theme: ThemeChoice): void {
    this.theme.set(theme);
  }

  private stored<T extends string>(key: string, allowed: readonly T[]): T | null {
    try {
      const value = this.storage?.getItem(key);
      return allowed.find((a) => a === value) ?? null;
    } catch {
      return null;
    }
  }

  private save(key: string, value: string): void {
    try {
      this.storage?.setItem(key, value);
    } catch {
      // Storage disabled: the choice lasts for this page.
    }
  }
}
