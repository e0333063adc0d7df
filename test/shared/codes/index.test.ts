import * as z from 'zod';
import { labelledCodes } from '../../../shared/codes';
import { parseWith } from '../../../shared/errors';
import { DELIVERY_FORM_LABELS, DELIVERY_FORMS, submissionSchema } from '../../../shared/requests/schema';

// A table of its own, in an order that is neither alphabetical nor by length: the codes must keep it.
const forms = labelledCodes({ pickup: '当面领取', email: '电子邮件', paper: '纸质文本（邮寄）' });

describe('labelledCodes', () => {
  it('gives the codes in the order the table was written', () => {
    expect(forms.codes).toEqual(['pickup', 'email', 'paper']);
  });

  it('gives each code its label, and no label without its code', () => {
    expect(forms.labels).toEqual({ pickup: '当面领取', email: '电子邮件', paper: '纸质文本（邮寄）' });
    expect(forms.codes.map((c) => forms.labels[c])).toEqual(['当面领取', '电子邮件', '纸质文本（邮寄）']);
  });

  it('z.enum of the codes accepts exactly the codes', () => {
    const schema = z.object({ deliveryForm: z.enum(forms.codes) });
    for (const code of forms.codes)
      expect(parseWith(schema, { deliveryForm: code })).toEqual({ ok: true, data: { deliveryForm: code } });
  });

  it('z.enum of the codes refuses any other value, naming the field in Chinese and listing the codes', () => {
    const schema = z.object({ deliveryForm: z.enum(forms.codes) });
    for (const value of ['online', 'PICKUP', '', 3]) {
      const result = parseWith(schema, { deliveryForm: value });
      expect(result).toMatchObject({ ok: false, code: 'VALIDATION' });
      if (!result.ok)
        expect(result.fieldErrors).toEqual([
          { path: 'deliveryForm', message: '获取方式须为 pickup、email、paper 之一' },
        ]);
    }
  });

  it('a table built with it keeps its codes, labels and message (the delivery forms of a request)', () => {
    expect(DELIVERY_FORMS).toEqual(['paper', 'email', 'online', 'pickup', 'inspection']);
    expect(DELIVERY_FORM_LABELS.online).toBe('网上获取（电子文本）');
    const result = parseWith(submissionSchema, { deliveryForm: 'fax' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.fieldErrors).toContainEqual({
        path: 'deliveryForm',
        message: '获取方式须为 paper、email、online、pickup、inspection 之一',
      });
  });
});
