/** The shop: products, and for a signed-in person a buy form per product (particulars from their profile). */
import { label, t } from '@statdesk/example-express-portal/i18n';
import { money } from '@statdesk/example-express-portal/pages/layout';
import { DESTINATIONS } from '@statdesk/example-express-portal/shop-orders';
import { placeOrder } from '../../lib/actions';
import { pageContext } from '../../lib/page-context';
import { getPortal } from '../../lib/portal';
import { ActionForm } from '../components/action-form';

export default async function ShopPage() {
  const { lang, user } = await pageContext();
  const portal = await getPortal();
  const { products } = await portal.catalogue.list(portal.tenantId, { status: 'active', limit: 50 });
  const profile = user ? await portal.profiles.get(portal.tenantId, user.id) : undefined;
  return (
    <>
      <h1>{t(lang, 'shop')}</h1>
      <ul className="products">
        {products.map((p) => (
          <li key={p.id} className="product" data-product={p.id}>
            <h2>{p.title}</h2>
            <p>
              {label(lang, p.kind)} — {t(lang, 'price')}: <span className="amount">{money(lang, p.priceRial)}</span>
            </p>
            {user ? (
              <ActionForm action={placeOrder} label={`${t(lang, 'buy')}: ${p.title}`}>
                <input type="hidden" name="productId" value={p.id} />
                {p.format === 'physical' ? (
                  <label>
                    {t(lang, 'quantity')}
                    <input name="quantity" defaultValue="1" inputMode="numeric" />
                  </label>
                ) : null}
                <label>
                  {t(lang, 'fullName')}
                  <input name="fullName" defaultValue={profile?.fullName ?? ''} />
                </label>
                <label>
                  {t(lang, 'mobile')}
                  <input name="mobile" defaultValue={profile?.mobile ?? ''} dir="ltr" />
                </label>
                <label>
                  {t(lang, 'email')}
                  <input name="email" defaultValue={profile?.email ?? ''} dir="ltr" />
                </label>
                {p.format === 'physical' ? (
                  <>
                    <label>
                      {t(lang, 'address')}
                      <input name="address" defaultValue={profile?.postalAddress ?? ''} />
                    </label>
                    <label>
                      {t(lang, 'postalCode')}
                      <input name="postalCode" defaultValue={profile?.postalCode ?? ''} dir="ltr" />
                    </label>
                    <label>
                      {t(lang, 'destination')}
                      <select name="destination">
                        {DESTINATIONS.map((d) => (
                          <option key={d} value={d}>
                            {d}
                          </option>
                        ))}
                      </select>
                    </label>
                  </>
                ) : null}
                <button>{t(lang, 'buy')}</button>
              </ActionForm>
            ) : (
              <p>
                <a href="/login">{t(lang, 'login')}</a>
              </p>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
