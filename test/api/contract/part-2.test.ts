import { contractSuite } from './run'

contractSuite(2, 4)
