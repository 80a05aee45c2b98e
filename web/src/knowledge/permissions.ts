import type { ArticleKind } from '../../../schema/articles'
import type { User } from '../api/auth'

/** Anyone who works the board may write articles; viewers only read (the server agrees). */
export const canWriteArticles = (user: User): boolean => user.role !== 'viewer'

/** Regulations (instructions) are the leads' and admins' to write, create, review or archive. */
export function canWriteKind(user: User, kind: ArticleKind): boolean {
  return kind === 'instruction'
    ? user.role === 'lead' || user.role === 'admin'
    : canWriteArticles(user)
}
