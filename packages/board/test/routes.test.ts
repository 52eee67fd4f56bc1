import { describe, expect, it } from 'vitest';
import { parseRoute } from '../src/routes';

describe('routes', () => {
  it('opens a board from /b/<id>', () => {
    expect(parseRoute('/b/group-A_1')).toEqual({ page: 'board', boardId: 'group-A_1' });
    expect(parseRoute('/b/abc/')).toEqual({ page: 'board', boardId: 'abc' });
  });

  it('opens the page for typing a join code at /join', () => {
    expect(parseRoute('/join')).toEqual({ page: 'join' });
    expect(parseRoute('/join/')).toEqual({ page: 'join' });
  });

  it('opens the gallery at /exhibits and an exhibit at /exhibits/<id>', () => {
    expect(parseRoute('/exhibits')).toEqual({ page: 'gallery' });
    expect(parseRoute('/exhibits/')).toEqual({ page: 'gallery' });
    expect(parseRoute('/exhibits/ab_12')).toEqual({ page: 'exhibit', exhibitId: 'ab_12' });
    expect(parseRoute('/exhibits/a/b')).toEqual({ page: 'home' });
    expect(parseRoute('/exhibits/show')).toEqual({ page: 'slideshow' });
  });

  it('treats anything else as home, never as a board with a bad id', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' });
    expect(parseRoute('/b/has space')).toEqual({ page: 'home' });
    expect(parseRoute(`/b/${'x'.repeat(65)}`)).toEqual({ page: 'home' });
  });
});
