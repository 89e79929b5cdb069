import { searchKeyOf } from '../../../functions/domain/search-key';

describe('searchKeyOf: the accent-insensitive form of a Vietnamese name', () => {
  it.each([
    ['Nguyễn Văn An', 'nguyen van an'],
    ['NGUYỄN VĂN AN', 'nguyen van an'],
    ['Đặng Thị Đào', 'dang thi dao'],
    ['đinh ĐỨC', 'dinh duc'],
    ['Trần   Thị\tBình ', 'tran thi binh'],
    ['Lò Thị Mỷ', 'lo thi my'],
    ['Hoàng Ngọc Ánh', 'hoang ngoc anh'],
    ['Nguyen Van An', 'nguyen van an'],
    ['Phạm Thị Hương', 'pham thi huong'],
    ['Ưng Ơn', 'ung on'],
  ])('%s -> %s', (name, key) => {
    expect(searchKeyOf(name)).toBe(key);
  });

  it('reads decomposed (NFD) input the same as precomposed (NFC)', () => {
    const decomposed = 'Nguyễn Văn'.normalize('NFD');
    expect(decomposed).not.toBe('Nguyễn Văn');
    expect(searchKeyOf(decomposed)).toBe(searchKeyOf('Nguyễn Văn'));
  });

  it('a query without diacritics is contained in the key of the name with them', () => {
    expect(searchKeyOf('Nguyễn Văn Đức Anh')).toContain(searchKeyOf('Nguyen Van'));
    expect(searchKeyOf('Nguyễn Văn Đức Anh')).toContain(searchKeyOf('duc anh'));
    expect(searchKeyOf('Nguyễn Văn Đức Anh')).not.toContain(searchKeyOf('Nguyen Thi'));
  });
});
