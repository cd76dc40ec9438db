import { describe, expect, it } from 'vitest';
import { pairSidecars } from '../../pipeline/extract/pair-sidecars.ts';

describe('pairSidecars', () => {
  it('pairs every rendering of a publication with its metadata.xml and never treats metadata as a document', () => {
    const set = pairSidecars([
      'documents/ah-tk-20202021-3235.xml',
      'documents/ah-tk-20202021-3235.metadata.xml',
      'documents/ah-tk-20202021-3235.pdf',
      'documents/ah-tk-20182019-3922.kaag-sjoerdsma-emotieherkenning.pdf.txt',
      'documents/kv-tk-2020Z13248.metadata_owms.xml',
      'documents/kv-tk-2020Z13248.html',
      'documents/ah-tk-20192020-1.metadata.xml',
      'documents/.ah-tk-20202021-9.xml.partial-x1y2',
    ]);
    expect(set.documents).toEqual([
      {
        path: 'documents/ah-tk-20182019-3922.kaag-sjoerdsma-emotieherkenning.pdf.txt',
        metadataPath: null,
      },
      {
        path: 'documents/ah-tk-20202021-3235.pdf',
        metadataPath: 'documents/ah-tk-20202021-3235.metadata.xml',
      },
      {
        path: 'documents/ah-tk-20202021-3235.xml',
        metadataPath: 'documents/ah-tk-20202021-3235.metadata.xml',
      },
      {
        path: 'documents/kv-tk-2020Z13248.html',
        metadataPath: 'documents/kv-tk-2020Z13248.metadata_owms.xml',
      },
    ]);
    expect(set.orphanSidecars).toEqual(['documents/ah-tk-20192020-1.metadata.xml']);
    expect(set.ignored).toEqual(['documents/.ah-tk-20202021-9.xml.partial-x1y2']);
  });

  it('prefers metadata.xml over metadata_owms.xml', () => {
    const set = pairSidecars(['d/x.metadata_owms.xml', 'd/x.xml', 'd/x.metadata.xml']);
    expect(set.documents).toEqual([{ path: 'd/x.xml', metadataPath: 'd/x.metadata.xml' }]);
  });
});
