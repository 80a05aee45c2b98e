import { contractSuite } from './run'

contractSuite(3, 4)
