import { contractSuite } from './run'

contractSuite(1, 4)
