/** The UI language (Chinese first), reactive; `t` re-evaluates in templates when it changes. */
import type { Lang } from './lang.ts';
import { loadEnglish, translate } from './messages/index.ts';

class I18n {
  lang = $state<Lang>('zh');

  t = (key: string, params?: Record<string, string | number>): string => translate(this.lang, key, params);

  /**
   * Switch language. English loads on the first switch (a chunk of its own); the page stays in
   * Chinese until it has arrived, so no key or half-translated page ever shows.
   */
  async toggle(): Promise<void> {
    const next: Lang = this.lang === 'zh' ? 'en' : 'zh';
    if (next === 'en') {
      try {
        await loadEnglish();
      } catch (e) {
        // The server went away since the page loaded: stay in Chinese; the next click tries again.
        console.error('[anju] the English messages could not be loaded', e);
        return;
      }
    }
    this.lang = next;
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  }

  /** Start loading English early (the pointer is on the language switch); errors wait for the click. */
  prepareSwitch(): void {
    if (this.lang === 'zh') loadEnglish().catch(() => undefined);
  }
}

export const i18n = new I18n();
