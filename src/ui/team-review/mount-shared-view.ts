/**
 * The meeting-link page's entry (`?share=TOKEN`; loaded only for such a link, main.ts): team
 * review's messages are added, then SharedView mounts with the app's shell handed in by main.ts.
 */
import { mount, type Component } from 'svelte';
import SharedView from './SharedView.svelte';
import { registerMessages } from '../../i18n/messages/index.ts';
import { teamReview } from '../../i18n/messages/team-review.ts';

export function mountSharedView(target: HTMLElement, App: Component, token: string): ReturnType<typeof mount> {
  registerMessages('zh', teamReview.zh); // English comes with the rest of English (messages/en/)
  return mount(SharedView, { target, props: { token, App } });
}
