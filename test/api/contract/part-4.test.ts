import { contractSuite } from './run'

contractSuite(4, 4)
