/** The UI language (Chinese first), reactive; `t` re-evaluates in templates when it changes. */
import type { Lang } from './lang.ts';
import { translate } from './messages/index.ts';

class I18n {
  lang = $state<Lang>('zh');

  t = (key: string, params?: Record<string, string | number>): string => translate(this.lang, key, params);

  toggle(): void {
    this.lang = this.lang === 'zh' ? 'en' : 'zh';
    document.documentElement.lang = this.lang === 'zh' ? 'zh-CN' : 'en';
  }
}

export const i18n = new I18n();
