// The Team view's new-client form with the styles it is drawn with, as one lazy chunk.
import './team.css'

export { NewClientForm } from './new-client'
