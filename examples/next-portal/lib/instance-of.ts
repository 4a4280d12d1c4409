/** An instance the signed-in person may see, of the workflow the page is for; otherwise Next's 404 page. */
import { notFound } from 'next/navigation';
import { isStatdeskError, type InstanceView } from '@statdesk/core';
import { statdesk } from './statdesk';

export async function instanceOf(id: string, isForThisPage: (workflow: string) => boolean): Promise<InstanceView> {
  try {
    const view = await statdesk.get(id);
    if (isForThisPage(view.workflow)) return view;
  } catch (error) {
    // Someone else's case is "not found", as the JSON API answers it.
    if (!isStatdeskError(error, 'NOT_FOUND') && !isStatdeskError(error, 'NOT_ALLOWED')) throw error;
  }
  notFound();
}
