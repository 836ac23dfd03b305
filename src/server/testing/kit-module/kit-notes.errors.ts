import { defineErrors, type ErrorCodesOf } from '../../http/messages.js';

export const kitNotesErrors = defineErrors({
  KIT_NOTE_BLANK: { status: 422, 'zh-CN': '便签内容不能全是空白', en: 'A note needs some text' },
});

declare module '../../http/messages.js' {
  interface ErrorCodeRegistry extends ErrorCodesOf<typeof kitNotesErrors> {}
}
