/**
 * The demo citizen of `npm start`'s seed, reused by the tests that file a request as a person: made up (the
 * 身份证号 is GB 11643's published example shape with a valid check character), never a real person's data.
 */
export const DEMO_APPLICANT = {
  applicantType: 'natural',
  name: '卓玛措',
  idType: 'idCard',
  idNumber: '11010519491231002X',
  phone: '13912345678',
  address: '扎毛乡德吉村',
} as const;
