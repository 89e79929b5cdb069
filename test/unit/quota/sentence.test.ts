import {
  attainmentSentence,
  combinedAttainmentSentence,
} from '../../../functions/domain/quota/sentence';

describe('the report sentence', () => {
  it.each([
    [
      { metric: 'ADMITTED', achieved: 9, target: 15, issuerName: 'Thành ủy' },
      'đã kết nạp 09/15 đảng viên mới, đạt 60% chỉ tiêu Thành ủy giao',
      'admitted 9 of 15 new members, 60% of the target set by Thành ủy',
    ],
    [
      // the Đống Đa wording
      { metric: 'ADMITTED', achieved: 6, target: 17, issuerName: 'Quận ủy' },
      'đã kết nạp 06/17 đảng viên mới, đạt 35% chỉ tiêu Quận ủy giao',
      'admitted 6 of 17 new members, 35% of the target set by Quận ủy',
    ],
    [
      // above 100 %, as Tây Hồ: "kết nạp 6/5 đảng viên mới, đạt 120%"
      { metric: 'ADMITTED', achieved: 6, target: 5, issuerName: 'Quận ủy' },
      'đã kết nạp 06/05 đảng viên mới, đạt 120% chỉ tiêu Quận ủy giao',
      'admitted 6 of 5 new members, 120% of the target set by Quận ủy',
    ],
    [
      { metric: 'ADMITTED', achieved: 120, target: 100, issuerName: 'Thành ủy' },
      'đã kết nạp 120/100 đảng viên mới, đạt 120% chỉ tiêu Thành ủy giao',
      'admitted 120 of 100 new members, 120% of the target set by Thành ủy',
    ],
    [
      // attendance against enrolment: "lớp đối tượng cảm tình đảng … đạt 26/37 học viên"
      { metric: 'TRAINED', achieved: 26, target: 37 },
      'lớp bồi dưỡng nhận thức về Đảng đạt 26/37 học viên (70%)',
      'awareness class: 26 of 37 enrolled attended (70%)',
    ],
    [
      { metric: 'TRAINED', achieved: 26, target: 37, issuerName: 'Quận ủy' },
      'lớp bồi dưỡng nhận thức về Đảng đạt 26/37 học viên (70%)',
      'awareness class: 26 of 37 enrolled attended (70%)',
    ],
    [
      { metric: 'NOMINATED', achieved: 12, target: 20, issuerName: 'BCĐ huyện' },
      'đã giới thiệu 12/20 quần chúng ưu tú, đạt 60% chỉ tiêu BCĐ huyện giao',
      'nominated 12 of 20 outstanding people, 60% of the target set by BCĐ huyện',
    ],
    [
      { metric: 'OFFICIAL', achieved: 1, target: 8, issuerName: 'Đảng ủy Khối' },
      'đã công nhận 01/08 đảng viên chính thức, đạt 13% chỉ tiêu Đảng ủy Khối giao',
      'recognised 1 of 8 official members, 13% of the target set by Đảng ủy Khối',
    ],
    [
      { metric: 'ADMITTED', achieved: 0, target: 15, issuerName: 'Thành ủy' },
      'đã kết nạp 00/15 đảng viên mới, đạt 0% chỉ tiêu Thành ủy giao',
      'admitted 0 of 15 new members, 0% of the target set by Thành ủy',
    ],
    [
      { metric: 'ADMITTED', achieved: 9, target: 15 },
      'đã kết nạp 09/15 đảng viên mới, đạt 60% chỉ tiêu',
      'admitted 9 of 15 new members, 60% of the target',
    ],
  ] as const)('%o', (input, vi, en) => {
    expect(attainmentSentence(input)).toEqual({ vi, en });
  });

  it.each([
    [
      { metric: 'ADMITTED', achieved: 9, target: null, issuerName: 'Thành ủy' },
      'đã kết nạp 09 đảng viên mới',
      'admitted 9 new members',
    ],
    [
      // target 0 is no target: no "09/0", no percentage
      { metric: 'ADMITTED', achieved: 1, target: 0 },
      'đã kết nạp 01 đảng viên mới',
      'admitted 1 new member',
    ],
    [
      { metric: 'TRAINED', achieved: 26, target: 0 },
      'lớp bồi dưỡng nhận thức về Đảng đạt 26 học viên',
      'awareness class: 26 attended',
    ],
    [
      { metric: 'NOMINATED', achieved: 0, target: null },
      'đã giới thiệu 00 quần chúng ưu tú',
      'nominated 0 outstanding people',
    ],
  ] as const)('without a target: %o', (input, vi, en) => {
    const sentence = attainmentSentence(input);
    expect(sentence).toEqual({ vi, en });
    expect(sentence.vi).not.toContain('%');
    expect(sentence.en).not.toContain('%');
  });

  it('combines several issuers as the Thanh Trì report does', () => {
    expect(
      combinedAttainmentSentence({
        metric: 'ADMITTED',
        achieved: 9,
        targets: [
          { target: 15, issuerName: 'Thành ủy' },
          { target: 25, issuerName: 'BCĐ huyện' },
        ],
      }),
    ).toEqual({
      vi: 'đã phát triển 09/15 đảng viên mới, đạt 60% chỉ tiêu Thành ủy giao (9/25, đạt 36% chỉ tiêu BCĐ huyện giao)',
      en: 'admitted 9 of 15 new members, 60% of the target set by Thành ủy (9 of 25, 36% of the target set by BCĐ huyện)',
    });
  });

  it('lists a third issuer after a semicolon and leaves out issuers without a target', () => {
    expect(
      combinedAttainmentSentence({
        metric: 'ADMITTED',
        achieved: 9,
        targets: [
          { target: 15, issuerName: 'Thành ủy' },
          { target: null, issuerName: 'Quận ủy' },
          { target: 25, issuerName: 'BCĐ huyện' },
          { target: 8, issuerName: 'Đảng ủy Khối' },
        ],
      }).vi,
    ).toBe(
      'đã phát triển 09/15 đảng viên mới, đạt 60% chỉ tiêu Thành ủy giao (9/25, đạt 36% chỉ tiêu BCĐ huyện giao; 9/8, đạt 113% chỉ tiêu Đảng ủy Khối giao)',
    );
  });

  it('falls back to the one-issuer sentence or the count', () => {
    expect(
      combinedAttainmentSentence({
        metric: 'ADMITTED',
        achieved: 6,
        targets: [
          { target: 0, issuerName: 'Thành ủy' },
          { target: 17, issuerName: 'Quận ủy' },
        ],
      }).vi,
    ).toBe('đã kết nạp 06/17 đảng viên mới, đạt 35% chỉ tiêu Quận ủy giao');
    expect(combinedAttainmentSentence({ metric: 'ADMITTED', achieved: 6, targets: [] }).vi).toBe(
      'đã kết nạp 06 đảng viên mới',
    );
  });

  it('combines class targets inside the parenthesis', () => {
    expect(
      combinedAttainmentSentence({
        metric: 'TRAINED',
        achieved: 26,
        targets: [
          { target: 37, issuerName: 'Quận ủy' },
          { target: 40, issuerName: 'Thành ủy' },
        ],
      }),
    ).toEqual({
      vi: 'lớp bồi dưỡng nhận thức về Đảng đạt 26/37 học viên (70% chỉ tiêu Quận ủy giao; 26/40, đạt 65% chỉ tiêu Thành ủy giao)',
      en: 'awareness class: 26 of 37 enrolled attended (70% of the target set by Quận ủy; 26 of 40, 65% of the target set by Thành ủy)',
    });
  });
});
