import { describeCatalogueConformance } from '../src/conformance';
import { MemoryCatalogue } from '../src/memory-catalogue';

describeCatalogueConformance({
  name: 'memory',
  setup: async () => ({ catalogue: new MemoryCatalogue() }),
});
