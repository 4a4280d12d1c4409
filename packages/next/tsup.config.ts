import { packageBuild } from '../../tsup.config';

export default packageBuild({ index: 'src/index.ts' });
