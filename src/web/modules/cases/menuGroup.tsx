import { FileSearchOutlined } from '@ant-design/icons';
import type { WebMenuGroup } from '../../app/module-kit';

/** The 案件 submenu; the mobile module puts its entries in it too. */
export const casesMenuGroup: WebMenuGroup = {
  key: 'cases',
  label: 'nav.cases',
  icon: <FileSearchOutlined />,
  order: 70,
};
