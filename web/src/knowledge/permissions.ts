import type { ArticleKind } from '../../../schema/articles'
import type { User } from '../api/auth'
import { can } from '../../../schema/access'

/** Articles are anyone's who works the board; regulations (instructions) the leads'. */
export function canWriteKind(user: User, kind: ArticleKind): boolean {
  return can(user.role, kind === 'instruction' ? 'instructions.write' : 'articles.write')
}
