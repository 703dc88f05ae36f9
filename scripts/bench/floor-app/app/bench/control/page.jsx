// The floor's page at the control page's path: the same route depth (root, 'bench', 'control'),
// so that what the product adds over the floor is its layout, shell and proxy, not Next's
// per-segment work.
export { default } from '../../page';
